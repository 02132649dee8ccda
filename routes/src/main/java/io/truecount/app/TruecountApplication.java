package io.truecount.app;

import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The Spring Boot application behind every command. The admin's configuration is loaded and validated before Spring
 * starts and registered as the {@code TruecountConfig} bean, so an invalid file never gets as far as a half-started
 * server.
 */
@SpringBootApplication
@EnableConfigurationProperties(TruecountProperties.class)
public class TruecountApplication {

    @Bean
    Clock clock(TruecountProperties properties) {
        return properties.fixedClock() == null
                ? Clock.systemUTC()
                : Clock.fixed(properties.fixedClock(), ZoneOffset.UTC);
    }
}
