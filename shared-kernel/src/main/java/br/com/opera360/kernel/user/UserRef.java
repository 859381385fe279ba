package br.com.opera360.kernel.user;

public record UserRef(String id, String name) {
}
