package io.wabill.cli;

import io.wabill.sim.domain.Regime;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a regime name such as PMP-26 or cbp2. */
public final class RegimeConverter implements ITypeConverter<Regime> {
    @Override public Regime convert(String value) {
        Regime r = Regime.parse(value);
        if (r == null) throw new TypeConversionException("expected NBP, CBP-1, CBP-2, PMP or PMP-26, was '" + value + "'");
        return r;
    }
}
