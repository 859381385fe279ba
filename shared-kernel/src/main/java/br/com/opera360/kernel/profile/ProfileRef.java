package br.com.opera360.kernel.profile;

public record ProfileRef(String id, String name) {
}
