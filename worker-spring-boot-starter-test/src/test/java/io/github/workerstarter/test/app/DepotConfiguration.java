package io.github.workerstarter.test.app;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class DepotConfiguration {

	@Bean
	Depot depot() {
		return new Depot("TRK");
	}

}
