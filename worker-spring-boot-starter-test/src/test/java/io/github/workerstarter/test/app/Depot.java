package io.github.workerstarter.test.app;

/** Where parcels leave from; provided by a {@code @Bean} method. */
public record Depot(String code) {

}
