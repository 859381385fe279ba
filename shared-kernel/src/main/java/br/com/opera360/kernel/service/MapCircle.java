package br.com.opera360.kernel.service;

/** One CEP on the map: where its located services are on average, and how many they are. */
public record MapCircle(String cep, double lat, double lon, int count) {
}
