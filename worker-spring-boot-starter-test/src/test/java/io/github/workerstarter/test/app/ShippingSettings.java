package io.github.workerstarter.test.app;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param handlingTime how long a parcel waits in the warehouse before the carrier picks it up (a durable timer)
 */
@ConfigurationProperties("shipping")
public record ShippingSettings(@DefaultValue("24h") Duration handlingTime) {

}
