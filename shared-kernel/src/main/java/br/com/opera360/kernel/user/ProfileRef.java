package br.com.opera360.kernel.user;

public record ProfileRef(String id, String name) {
}
