import { fetchTrusting } from '@bureaunet/api-clients';

export interface HttpCallInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface HttpAnswer {
  status: number;
  ok: boolean;
  text: string;
}

/** One HTTP call to a route no typed client covers, trusting `ca` (PEM) besides the system's roots when given. */
export async function httpCall(url: string, init: HttpCallInit = {}, ca?: string): Promise<HttpAnswer> {
  const response = await fetchTrusting(ca)(url, init);
  return { status: response.status, ok: response.ok, text: await response.text() };
}
