package br.com.opera360.kernel.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An amount in BRL, exact: a {@link BigDecimal} with scale 2. More than 2 decimals is refused (the contract says 400),
 * never rounded. Read models store {@link #cents()} as a long so that sorting and sums are exact in MongoDB.
 */
public record Money(BigDecimal value) implements Comparable<Money> {
    public static final Money ZERO = new Money(BigDecimal.ZERO);

    public Money {
        Objects.requireNonNull(value, "valor");
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 2) throw new IllegalArgumentException("deve ter no máximo 2 casas decimais");
        value = value.setScale(2, RoundingMode.UNNECESSARY);
        if (value.abs().compareTo(new BigDecimal("1000000000000.00")) >= 0) {
            throw new IllegalArgumentException("valor fora do limite aceito");
        }
    }

    public static Money of(String value) {
        return new Money(new BigDecimal(value));
    }

    public static Money of(BigDecimal value) {
        return new Money(value);
    }

    public static Money ofCents(long cents) {
        return new Money(BigDecimal.valueOf(cents, 2));
    }

    public long cents() {
        return value.movePointRight(2).longValueExact();
    }

    public Money plus(Money other) {
        return new Money(value.add(other.value));
    }

    public Money minus(Money other) {
        return new Money(value.subtract(other.value));
    }

    public boolean isPositive() {
        return value.signum() > 0;
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public boolean isGreaterThan(Money other) {
        return value.compareTo(other.value) > 0;
    }

    @Override
    public int compareTo(Money other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value.toPlainString();
    }
}
