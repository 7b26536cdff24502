package io.wabill.cli;

import io.wabill.data.accounts.AccountSettings;
import java.time.ZoneId;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads an IANA time zone with the same message as {@code accounts.csv}, not a Java exception's name. */
public final class ZoneConverter implements ITypeConverter<ZoneId> {
    @Override public ZoneId convert(String value) {
        try {
            return AccountSettings.zone(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
