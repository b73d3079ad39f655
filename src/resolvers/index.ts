import type { Resolvers } from '../generated/graphql.js';
import { AccessLogConnection, AccessLogEntry } from './AccessLog.js';
import { Agency } from './Agency.js';
import { AgencyStatus } from './AgencyStatus.js';
import { Case } from './Case.js';
import { CaseConnection } from './CaseConnection.js';
import { Consent } from './Consent.js';
import { createUpload } from './Mutation/createUpload.js';
import { submitForm } from './Mutation/submitForm.js';
import { submitInformation } from './Mutation/submitInformation.js';
import { Form, FormField } from './Form.js';
import { Submission } from './Submission.js';
import { giveConsent } from './Mutation/giveConsent.js';
import { Document } from './Document.js';
import { Outcome } from './Outcome.js';
import { Participant } from './Participant.js';
import { withdrawConsent } from './Mutation/withdrawConsent.js';
import { markNotificationsRead } from './Mutation/markNotificationsRead.js';
import { Notification } from './Notification.js';
import { NotificationList } from './NotificationList.js';
import { CaseEvent, Subscription } from './Subscription.js';
import { agencies } from './Query/agencies.js';
import { caseById } from './Query/case.js';
import { cases } from './Query/cases.js';
import { viewer } from './Query/viewer.js';
import { Viewer } from './Viewer.js';

export const resolvers: Resolvers = {
  Query: { viewer, agencies, cases, case: caseById },
  Mutation: {
    giveConsent,
    withdrawConsent,
    createUpload,
    submitInformation,
    submitForm,
    markNotificationsRead,
  },
  Subscription,
  CaseEvent,
  Notification,
  NotificationList,
  AccessLogConnection,
  AccessLogEntry,
  Form,
  FormField,
  Submission,
  Consent,
  Participant,
  Outcome,
  Document,
  Agency,
  AgencyStatus,
  Case,
  CaseConnection,
  Viewer,
};
