// The containers' health check: `node deploy/health-probe.js <url> [<CA file>]` exits 0 on a 200
// from the service, 1 otherwise. The runtime image has no curl; an https URL is verified against
// the CA file, so the probe trusts what the service's clients trust.
'use strict';
const { readFileSync } = require('node:fs');

const [url, caFile] = process.argv.slice(2);
if (!url) {
  process.stderr.write('usage: node deploy/health-probe.js <url> [<CA file>]\n');
  process.exit(2);
}
const https = url.startsWith('https:');
const client = require(https ? 'node:https' : 'node:http');
const options = https && caFile ? { ca: readFileSync(caFile) } : {};
// Bounded below the compose timeout, so a hung service reads as unhealthy, not as a hung probe.
const request = client.get(url, { ...options, timeout: 4000 }, (response) => {
  response.resume();
  process.exit(response.statusCode === 200 ? 0 : 1);
});
request.on('timeout', () => request.destroy(new Error('timed out')));
request.on('error', (error) => {
  process.stderr.write(`${url}: ${error.message}\n`);
  process.exit(1);
});
