/**
 * The gateway's services, built once at start-up from the configuration, the store and the agencies.
 * Each request's context carries them under these names.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AgencyRegistry } from './agencies/registry.js';
import { AuditLog } from './audit/audit.js';
import type { Config } from './config.js';
import { ViewerCache } from './cache/viewer-cache.js';
import { ConsentService } from './consent/consents.js';
import { DocumentReads } from './cases/reads.js';
import { CaseEventBus } from './events/bus.js';
import { CaseEvents } from './events/case-events.js';
import { DocumentLinks } from './files/links.js';
import { LogNotifier, NotificationDispatch, type Notifier } from './notifications/dispatch.js';
import { outboundNotifier } from './notifications/outbound.js';
import { NotificationInbox } from './notifications/inbox.js';
import { UploadStore } from './files/uploads.js';
import { PersonSlots } from './person-slots.js';
import type { Database } from './records/database.js';
import type { Store } from './store/index.js';
import { SubmissionDelivery, type DeliveryOptions } from './submissions/delivery.js';
import { SubmissionRecords } from './submissions/records.js';

export interface ServiceOptions {
  /** Where the safety net reports its hits and misses. */
  onCacheLookup?: (hit: boolean) => void;
  /** Where the outbox reports how each delivery attempt ended. */
  onDeliveryAttempt?: DeliveryOptions['onAttempt'];
  /** Where outbound notifications go; development's log notifier by default. */
  notifier?: Notifier;
  /** The clock of quiet hours and session lifetimes (tests move it). */
  clock?: () => number;
}

export function createServices(
  config: Config,
  store: Store,
  database: Database,
  registry: AgencyRegistry,
  log: FastifyBaseLogger,
  options: ServiceOptions = {},
) {
  const submissionRecords = new SubmissionRecords(database, config.storeSecret, (id) =>
    log.error(
      { submission: id },
      'a submission cannot be opened with this STORE_SECRET: it is not delivered',
    ),
  );
  const consentService = new ConsentService(database, config.storeSecret);
  const viewerCache =
    config.safetyNetTtlSeconds > 0
      ? new ViewerCache(
          store,
          config.storeSecret,
          { ttlMs: config.safetyNetTtlSeconds * 1000, refreshMs: config.safetyNetRefreshMinutes * 60_000 },
          log.child({ topic: 'safety-net' }),
          options.onCacheLookup,
        )
      : null;
  const caseEventBus = new CaseEventBus(
    store,
    config.storeSecret,
    log.child({ topic: 'events' }),
    config.eventStreamLoginCheckMs,
  );
  const auditLog = new AuditLog(
    config.storeSecret,
    database,
    log.child({ topic: 'audit' }),
    config.auditRetentionDays,
  );
  const inbox = new NotificationInbox(database, config.storeSecret);
  const logNotifier = new LogNotifier(store, config.storeSecret, log.child({ topic: 'notifications' }));
  const dispatch = new NotificationDispatch(
    store,
    database,
    config.storeSecret,
    options.notifier ??
      outboundNotifier(config.notifications, log.child({ topic: 'notifications' })) ??
      logNotifier,
    log,
    {
      pollMs: config.outbox.pollMs,
      gatherMs: config.notifyGatherMs,
      stillWanted: (nationalId, agency) => consentService.notificationsWanted(nationalId, agency),
      clock: options.clock,
    },
  );
  return {
    consentService,
    viewerCache,
    inbox,
    documentReads: new DocumentReads(database, config.storeSecret),
    notifications: { dispatch, logNotifier },
    caseEventBus,
    caseEvents: new CaseEvents({
      bus: caseEventBus,
      secret: config.storeSecret,
      consentService,
      inbox,
      dispatch,
      viewerCache,
      log: log.child({ topic: 'events' }),
    }),
    auditLog,
    links: new DocumentLinks(config.storeSecret, config.publicUrl, config.downloadLinkTtlSeconds),
    transfers: {
      slots: new PersonSlots(store, config.storeSecret, 'transfers', config.transfers.perPerson),
      pace: config.transfers.pace,
    },
    eventStreamSlots: new PersonSlots(store, config.storeSecret, 'streams', config.eventStreamsPerPerson),
    uploads: {
      store: new UploadStore(store, config.storeSecret),
      maxBytes: config.uploadMaxBytes,
      publicUrl: config.publicUrl.replace(/\/$/, ''),
    },
    submissions: {
      records: submissionRecords,
      delivery: new SubmissionDelivery(
        submissionRecords,
        registry,
        { consents: consentService, audit: auditLog, inbox, dispatch },
        log.child({ topic: 'outbox' }),
        {
          ...config.outbox,
          attemptTimeoutMs: config.requestDeadlineMs,
          // The person's request waits a quarter of its budget for the first attempt, then hears PENDING.
          firstAttemptWaitMs: Math.round(config.requestDeadlineMs / 4),
          onAttempt: options.onDeliveryAttempt,
        },
      ),
    },
  };
}

export type Services = ReturnType<typeof createServices>;
