package io.github.workerstarter.codecserver;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import io.github.workerstarter.connection.NamespaceConnection;
import io.github.workerstarter.connection.TemporalConnectionAutoConfiguration;
import io.github.workerstarter.connection.TemporalNamespaces;
import io.github.workerstarter.diagnostics.WorkerConfigurationException;
import io.temporal.payload.codec.ChainCodec;
import io.temporal.payload.codec.PayloadCodec;

/**
 * {@code temporal.payloads.codec-server.enabled=true} in a Spring MVC application: {@code POST {path}/decode} and
 * {@code POST {path}/encode} (and {@code {path}/{namespace}/decode}, {@code .../encode}) in Temporal's codec server
 * protocol (see {@link CodecServerHandler}), with the
 * application's {@link PayloadCodec} beans, CORS for the configured Web UI origins. With Spring Security, its own
 * {@link SecurityFilterChain} (bean {@value #SECURITY_FILTER_CHAIN}, ordered before Spring Boot's default one, which it
 * leaves in place) lets through only authenticated users with the role, by HTTP Basic (against the application's
 * users) or, with a {@code JwtDecoder} bean, a bearer token such as the Web UI passes; stateless, so no session cookie
 * can carry a request. Without a chain of that name startup fails unless
 * {@code temporal.payloads.codec-server.allow-unauthenticated=true}.
 */
@AutoConfiguration(after = TemporalConnectionAutoConfiguration.class,
		afterName = { "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
				"org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
				"org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration" })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ RouterFunction.class, PayloadCodec.class, com.google.protobuf.util.JsonFormat.class })
@ConditionalOnBooleanProperty("temporal.payloads.codec-server.enabled")
@EnableConfigurationProperties(CodecServerProperties.class)
public final class CodecServerAutoConfiguration {

	/** Name of the security filter chain that secures the codec server; a bean of this name replaces it. */
	public static final String SECURITY_FILTER_CHAIN = "temporalCodecServerSecurityFilterChain";

	private static final Logger logger = LoggerFactory.getLogger(CodecServerAutoConfiguration.class);

	@Bean
	@ConditionalOnMissingBean(name = "temporalCodecServerRoutes")
	RouterFunction<ServerResponse> temporalCodecServerRoutes(CodecServerProperties properties,
			ObjectProvider<PayloadCodec> codecs, ObjectProvider<TemporalNamespaces> namespaces) {
		List<PayloadCodec> ordered = codecs.orderedStream().toList();
		if (ordered.isEmpty()) {
			logger.warn("temporal.payloads.codec-server is enabled, but the application has no PayloadCodec bean: "
					+ "it answers payloads unchanged");
		}
		// the data converter's order: the first codec wraps the others when encoding, and is undone first
		CodecServerHandler handler = new CodecServerHandler(new ChainCodec(ordered), () -> names(namespaces));
		return RouterFunctions.route()
			.POST(properties.path() + "/decode", handler::decode)
			.POST(properties.path() + "/encode", handler::encode)
			// the CLI's and the Web UI's endpoint templating: {namespace} in the endpoint's URL
			.POST(properties.path() + "/{namespace}/decode", handler::decode)
			.POST(properties.path() + "/{namespace}/encode", handler::encode)
			.build();
	}

	private static Set<String> names(ObjectProvider<TemporalNamespaces> namespaces) {
		Set<String> names = new LinkedHashSet<>();
		namespaces.ifAvailable((all) -> all.all().stream().map(NamespaceConnection::name).forEach(names::add));
		return names;
	}

	@Bean
	@ConditionalOnMissingBean(name = "temporalCodecServerCors")
	WebMvcConfigurer temporalCodecServerCors(CodecServerProperties properties) {
		return new WebMvcConfigurer() {

			@Override
			public void addCorsMappings(CorsRegistry registry) {
				if (!properties.allowedOrigins().isEmpty()) {
					registry.addMapping(properties.path() + "/**").combine(cors(properties));
				}
			}

		};
	}

	/** What the Web UI's browser may send: POST with JSON, the namespace header and its access token. */
	static CorsConfiguration cors(CodecServerProperties properties) {
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(properties.allowedOrigins());
		cors.setAllowedMethods(List.of(HttpMethod.POST.name()));
		cors.setAllowedHeaders(List.of(HttpHeaders.CONTENT_TYPE, CodecServerHandler.NAMESPACE_HEADER,
				HttpHeaders.AUTHORIZATION));
		// the Web UI's "include cross-origin credentials" option; allowed origins are never "*"
		cors.setAllowCredentials(true);
		cors.setMaxAge(Duration.ofMinutes(30));
		return cors;
	}

	@Bean
	static CodecServerAccessCheck temporalCodecServerAccessCheck(CodecServerProperties properties,
			ListableBeanFactory beanFactory) {
		return new CodecServerAccessCheck(properties, beanFactory);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SecurityFilterChain.class, HttpSecurity.class })
	@ConditionalOnBean(HttpSecurity.class)
	static class SecuredCodecServerConfiguration {

		// before Spring Boot's default chain (BASIC_AUTH_ORDER, lowest precedence - 5) and chains without an order
		@Bean(name = SECURITY_FILTER_CHAIN)
		@Order(Ordered.LOWEST_PRECEDENCE - 10)
		@ConditionalOnMissingBean(name = SECURITY_FILTER_CHAIN)
		SecurityFilterChain temporalCodecServerSecurityFilterChain(HttpSecurity http, CodecServerProperties properties,
				ObjectProvider<CodecServerJwt> jwt) throws Exception {
			http.securityMatcher(properties.path() + "/decode", properties.path() + "/encode",
					properties.path() + "/*/decode", properties.path() + "/*/encode")
				.authorizeHttpRequests((requests) -> {
					if (properties.allowUnauthenticated()) {
						requests.anyRequest().permitAll();
					}
					else {
						requests.anyRequest().hasRole(properties.role());
					}
				})
				.httpBasic(Customizer.withDefaults())
				// each request authenticates itself (Basic or a bearer token): no session, so no cookie of the
				// application's other pages can carry a cross-site request here, and CSRF tokens have nothing to guard
				.sessionManagement((session) -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.securityContext((context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
				.requestCache((cache) -> cache.disable())
				.csrf((csrf) -> csrf.disable());
			if (properties.allowedOrigins().isEmpty()) {
				http.cors((cors) -> cors.disable());
			}
			else {
				UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
				source.registerCorsConfiguration(properties.path() + "/**", cors(properties));
				http.cors((cors) -> cors.configurationSource(source));
			}
			jwt.ifAvailable((bearer) -> bearer.apply(http));
			return http.build();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.security.config.annotation.web.builders.HttpSecurity",
			"org.springframework.security.oauth2.jwt.JwtDecoder" })
	@ConditionalOnBean(type = "org.springframework.security.oauth2.jwt.JwtDecoder")
	static class CodecServerJwtConfiguration {

		@Bean
		CodecServerJwt temporalCodecServerJwt() {
			return new CodecServerJwt();
		}

	}

	/**
	 * Fails startup when the codec server would answer anyone without being asked to: no security filter chain of
	 * its name (Spring Security absent, or its web security off) and allow-unauthenticated not set.
	 */
	static final class CodecServerAccessCheck implements InitializingBean {

		private final CodecServerProperties properties;

		private final ListableBeanFactory beanFactory;

		CodecServerAccessCheck(CodecServerProperties properties, ListableBeanFactory beanFactory) {
			this.properties = properties;
			this.beanFactory = beanFactory;
		}

		@Override
		public void afterPropertiesSet() {
			if (this.properties.allowUnauthenticated() || this.beanFactory.containsBean(SECURITY_FILTER_CHAIN)) {
				if (this.properties.allowUnauthenticated()) {
					logger.warn("The Temporal codec server at {}/decode answers without authentication "
							+ "(temporal.payloads.codec-server.allow-unauthenticated=true): anyone who reaches this "
							+ "port can decrypt payloads", this.properties.path());
				}
				return;
			}
			throw new WorkerConfigurationException("temporal.payloads.codec-server.enabled is true, but nothing "
					+ "secures the codec server at " + this.properties.path() + "/decode: Spring Security is not on the "
					+ "class path (or its web security is off), so anyone who reaches this application could decrypt "
					+ "its payloads.", "Add org.springframework.boot:spring-boot-starter-security and give the people "
							+ "who may read payloads the role " + this.properties.role() + " (authority ROLE_"
							+ this.properties.role() + "; temporal.payloads.codec-server.role). For a local run or a "
							+ "network only trusted people reach, set "
							+ "temporal.payloads.codec-server.allow-unauthenticated=true instead.");
		}

	}

}
