package io.wabill.cli;

import io.wabill.sim.domain.Regime;
import io.wabill.sim.names.Suggestions;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a regime name such as PMP-26 or cbp2. */
public final class RegimeConverter implements ITypeConverter<Regime> {
    private static final java.util.List<String> LABELS = java.util.Arrays.stream(Regime.values()).map(Regime::label).toList();

    @Override public Regime convert(String value) {
        Regime r = Regime.parse(value);
        if (r == null) throw new TypeConversionException("expected NBP, CBP-1, CBP-2, PMP or PMP-26, was '" + value + "'"
                + Suggestions.hint(value, LABELS));
        return r;
    }
}
