package io.wabill.data.accounts;

import io.wabill.data.log.RowError;
import java.util.List;
import java.util.stream.Collectors;

/** An accounts file with problems; carries all of them. */
public final class AccountsException extends Exception {
    private final List<RowError> problems;

    public AccountsException(List<RowError> problems) {
        super(problems.stream().map(RowError::describe).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RowError> problems() { return problems; }
}
