/** `<var>/nats.json`: the nats-server `npm start` runs, while it runs. */
export const NETWORK_BROKER_FILE = 'nats.json';

export interface NetworkBroker {
  pid: number;
  url: string;
  /** The CA its TLS certificate chains to; absent with BUREAUNET_TLS=0. */
  tlsCaFile?: string;
}
