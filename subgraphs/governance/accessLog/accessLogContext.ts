import type { AccessLogLoaders } from '../../../platform/accessLog/accessLogLoaders';
import type { GovernanceContext } from '../context';

/** The governance service's context, with the loaders of its own access log. */
export type GovernanceAccessLogContext = GovernanceContext & { loaders: AccessLogLoaders };
