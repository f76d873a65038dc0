import { version } from '../../../../package.json';

/** The release the gateway runs, as package.json says (shown by /v1/admin/health and /docs). */
export const APP_VERSION: string = version;
