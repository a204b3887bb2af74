import type {Migration} from 'kysely';
import * as m0001 from './0001_foundation';
import * as m0002 from './0002_tasks';
import * as m0003 from './0003_search_text';
import * as m0004 from './0004_key_prefixes';
import * as m0005 from './0005_outbox';
import * as m0006 from './0006_workflows';
import * as m0007 from './0007_user_settings';
import * as m0008 from './0008_recurrences';
import * as m0009 from './0009_action_nonces';
import * as m0010 from './0010_channel_notices';
import * as m0011 from './0011_reminder_snoozes';
import * as m0012 from './0012_audit_log';
import * as m0013 from './0013_api_tokens';
import * as m0014 from './0014_webhooks';
import * as m0015 from './0015_intake';
import * as m0016 from './0016_live_change_payloads';
import * as m0017 from './0017_task_list_order_indexes';

/**
 * Every migration, in order. Listed explicitly (not read from the folder at
 * run time) so the compiled bridge, tsx and jest all see the same set; a test
 * fails when a file in this folder is missing here.
 */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_tasks': m0002,
  '0003_search_text': m0003,
  '0004_key_prefixes': m0004,
  '0005_outbox': m0005,
  '0006_workflows': m0006,
  '0007_user_settings': m0007,
  '0008_recurrences': m0008,
  '0009_action_nonces': m0009,
  '0010_channel_notices': m0010,
  '0011_reminder_snoozes': m0011,
  '0012_audit_log': m0012,
  '0013_api_tokens': m0013,
  '0014_webhooks': m0014,
  '0015_intake': m0015,
  '0016_live_change_payloads': m0016,
  '0017_task_list_order_indexes': m0017,
};
