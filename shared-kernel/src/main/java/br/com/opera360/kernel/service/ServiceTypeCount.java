package br.com.opera360.kernel.service;

public record ServiceTypeCount(String serviceType, long count) {
}
