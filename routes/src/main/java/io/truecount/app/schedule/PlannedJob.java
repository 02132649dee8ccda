package io.truecount.app.schedule;

import java.util.Map;
import org.quartz.Job;

/**
 * One job the configuration asks for.
 *
 * @param name the job's name in group {@code truecount}
 * @param cron Quartz cron expression in the company's timezone; null = the job exists (it can be triggered on demand)
 *     but has no schedule
 * @param data the job's data, strings only
 */
record PlannedJob(String name, Class<? extends Job> type, String description, String cron, Map<String, String> data) {}
