# Sourced by .ci/run: a PostgreSQL cluster of its own for this run (CI runs as root, so it is made
# with pg_createcluster and started with pg_ctlcluster), one database for the store tests, and
# TEST_DATABASE_URL naming it. The cluster is dropped when the run ends.
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -1)
pg_cluster="atlas_ci_$$"
pg_port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
pg_password=$(node -e "console.log(require('crypto').randomBytes(12).toString('hex'))")
pg_createcluster -p "$pg_port" "$pg_version" "$pg_cluster" >/dev/null
trap 'pg_dropcluster --stop "$pg_version" "$pg_cluster" >/dev/null 2>&1 || true' EXIT
pg_ctlcluster "$pg_version" "$pg_cluster" start
runuser -u postgres -- psql -q -p "$pg_port" -v ON_ERROR_STOP=1 \
	-c "alter user postgres password '$pg_password'" -c 'create database atlas_test' >/dev/null
export TEST_DATABASE_URL="postgres://postgres:$pg_password@127.0.0.1:$pg_port/atlas_test"
echo "ci: PostgreSQL $pg_version cluster $pg_cluster on port $pg_port"
