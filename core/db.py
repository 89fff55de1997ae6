"""Database-level guards. On PostgreSQL, append-only tables refuse UPDATE and DELETE in a trigger,
so not even raw SQL can rewrite history. Replay (which rebuilds projection tables) opens the guard for
its own transaction only with `allow_rewrite()`."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.apps.registry import Apps
from django.db import connection, migrations
from django.db.backends.base.schema import BaseDatabaseSchemaEditor

GUARD_SETTING = "pagina_madre.allow_rewrite"

_FUNCTION_SQL = f"""
CREATE OR REPLACE FUNCTION pagina_madre_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' AND coalesce(current_setting('{GUARD_SETTING}', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
"""


_Operation = Callable[[Apps, BaseDatabaseSchemaEditor], None]


def _install(table: str) -> tuple[_Operation, _Operation]:
    def forwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor != "postgresql":
            return
        schema_editor.execute(_FUNCTION_SQL, None)
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION pagina_madre_append_only()"
        )

    def backwards(apps: Apps, schema_editor: BaseDatabaseSchemaEditor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")

    return forwards, backwards


def append_only_trigger(table: str) -> migrations.RunPython:
    forwards, backwards = _install(table)
    return migrations.RunPython(forwards, backwards)


@contextmanager
def allow_rewrite() -> Iterator[None]:
    """Inside the current transaction, let replay delete rows of append-only projection tables."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, 'on', true)", [GUARD_SETTING])
        # On an exception the transaction is rolled back and the transaction-local setting ends with it;
        # resetting it here would only raise again on the aborted transaction and hide the real error.
        yield
        with connection.cursor() as cursor:
            cursor.execute("SELECT set_config(%s, '', true)", [GUARD_SETTING])
    else:
        yield
