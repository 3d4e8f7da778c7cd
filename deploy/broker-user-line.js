// `node deploy/broker-user-line.js <CODE>` (in the image: `docker compose run --rm --no-deps registry
// node deploy/broker-user-line.js ES`): the line to append to deploy/nats/auth.conf for a bureau's
// node, with the permissions of libs/contracts (as `npm run broker-user` writes them) and its
// password read by nats-server from $NATS_NODE_<CODE>_PASSWORD, never written here.
'use strict';
const { BUREAU_CODE_PATTERN, nodePermissions } = require('../dist/libs/contracts/src');

const code = process.argv[2];
if (!code || !BUREAU_CODE_PATTERN.test(code)) {
  process.stderr.write(`usage: node deploy/broker-user-line.js <CODE> (a bureau code, ${BUREAU_CODE_PATTERN})\n`);
  process.exit(2);
}
const party = nodePermissions(code);
const list = (values) => `[${values.map((value) => JSON.stringify(value)).join(', ')}]`;
const responses = party.allowResponses ? ', allow_responses: true' : '';
process.stdout.write(
  `    { user: ${JSON.stringify(party.user)}, password: $NATS_NODE_${code}_PASSWORD, permissions: { publish: { allow: ${list(party.publish)} }, subscribe: { allow: ${list(party.subscribe)} }${responses} } }\n`,
);
