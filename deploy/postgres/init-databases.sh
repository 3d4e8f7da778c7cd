#!/bin/sh
# Run once by the postgres image, on an empty data volume (/docker-entrypoint-initdb.d): one role and
# one database per service, each role owning only its own database, so a service's credentials
# open nothing else. Passwords come from the container's environment (the operator's .env); the two
# gateways share the gateway database. Each service makes its own tables (migrations, at start).
set -eu

database() {
  role=$1
  password=$2
  # psql variables (:"…" an identifier, :'…' a literal): quoted by psql, never spliced by the shell.
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$role" -v password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE DATABASE :"role" OWNER :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
}

database registry "$REGISTRY_DB_PASSWORD"
database gateway "$GATEWAY_DB_PASSWORD"
database node_xh "$NODE_XH_DB_PASSWORD"
database witness "$WITNESS_DB_PASSWORD"
