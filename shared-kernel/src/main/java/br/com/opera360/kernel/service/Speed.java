package br.com.opera360.kernel.service;

/** Contracted speed in whole Mbps, from 1 Mbps to 1 Tbps. */
public record Speed(int mbps) {
    public static final int MAX_MBPS = 1_000_000;

    public Speed {
        require(mbps);
    }

    public static int require(int mbps) {
        if (mbps < 1 || mbps > MAX_MBPS) throw new IllegalArgumentException("speedMbps: deve ser um número inteiro de 1 a " + MAX_MBPS);
        return mbps;
    }
}
