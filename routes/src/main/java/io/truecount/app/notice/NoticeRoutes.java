package io.truecount.app.notice;

import io.truecount.app.TruecountProperties;
import io.truecount.app.config.ActiveConfig;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The server's daily notices run ({@code notices-daily}): every morning at 07:00 in the company's timezone, and once on
 * start when the server was down at that time. Runs on every server for now; the claims in PostgreSQL keep two servers
 * from sending the same notice (the clustered scheduler comes with issue 6).
 */
@Component
class NoticeRoutes extends RouteBuilder {

    static final String ROUTE_ID = "notices-daily";
    private static final Logger LOG = LoggerFactory.getLogger(NoticeRoutes.class);

    private final ActiveConfig config;
    private final TruecountProperties properties;
    private final NoticesService notices;

    NoticeRoutes(ActiveConfig config, TruecountProperties properties, NoticesService notices) {
        this.config = config;
        this.properties = properties;
        this.notices = notices;
    }

    @Override
    public void configure() {
        if (!properties.scheduling()) {
            return;
        }
        from("quartz:truecount-notices/daily?cron=0+0+7+*+*+?&trigger.timeZone="
                        + config.get().company().timezone().getId() + "&trigger.misfireInstruction=1")
                .routeId(ROUTE_ID)
                .process(exchange -> {
                    NoticeReport report = notices.run(notices.today());
                    report.lines().forEach(line -> LOG.info("notices: {}", line));
                    exchange.getMessage().setBody(report);
                });
    }
}
