import { isPortTaken } from '@bureaunet/testing';
import { describePortHolder } from './port.holder';

export interface NetworkPort {
  port: number;
  /** Who wanted it, e.g. "gateway". */
  service: string;
  /** The variable that moves it, e.g. "GATEWAY_PORT". */
  variable: string;
}

/**
 * One paragraph per port of the network that something else holds: which port, who holds it when
 * that can be known, and the two ways out. Empty when every port is free.
 */
export async function reportTakenPorts(ports: readonly NetworkPort[]): Promise<string[]> {
  const report: string[] = [];
  for (const { port, service, variable } of ports) {
    if (port === 0 || !(await isPortTaken(port))) continue;
    const holder = describePortHolder(port);
    report.push(
      [
        `port ${port} (${service}, ${variable}) is already taken${holder ? ` by ${holder}` : ''}.`,
        `  Stop that process (an earlier bureaunet network: Ctrl-C it${holder ? `, or kill ${/^pid (\d+)/.exec(holder)?.[1]}` : ''}),`,
        `  or move this network: ${variable}=<another port> npm start`,
      ].join('\n'),
    );
  }
  return report;
}
