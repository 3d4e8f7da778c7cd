/** `<var>/nats.json`: the nats-server (or the cluster) `npm start` runs, while it runs. */
export const NETWORK_BROKER_FILE = 'nats.json';

export interface NetworkBroker {
  pid: number;
  /** On a cluster, every seed, comma-separated. */
  url: string;
  /** Its JetStream store (-sd); on a cluster the folder of every server's store. */
  storeDir: string;
  /** BUREAUNET_CLUSTER: every server's pid; their configuration files hold JetStream already and include the users' file. */
  clusterPids?: number[];
  /** The CA its certificate chains to; absent with BUREAUNET_TLS=0. */
  tlsCaFile?: string;
}

/*
 * nats-server keeps neither -js nor --tls from its command line when it reloads its configuration
 * file: it would stop JetStream, and it refuses the reload outright when --tls was given. So TLS is
 * in the file from the start, and JetStream is added to the file before the first reload (not at
 * start: nats-server refuses store_dir in both the file and -sd).
 */

/** The configuration file's TLS block: every client must speak TLS with this certificate. */
export function brokerTlsBlock(tls: { certFile: string; keyFile: string }): string {
  return `tls {\n  cert_file: ${JSON.stringify(tls.certFile)}\n  key_file: ${JSON.stringify(tls.keyFile)}\n}\n`;
}

/** The configuration file's JetStream block, for a reload. */
export function brokerJetStreamBlock(broker: NetworkBroker): string {
  return `jetstream {\n  store_dir: ${JSON.stringify(broker.storeDir)}\n}\n`;
}
