{#- References name schema and table only, never the database.
    DuckDB names a database after its file, and a run builds a private copy
    (warehouse-<run>.duckdb) that is renamed on publish: a view that named the
    copy's database would fail in the published file ("Catalog ... does not
    exist"). Unqualified, a view resolves in whatever file holds it. -#}
{% macro ref() %}
    {%- set relation = builtins.ref(*varargs, **kwargs) -%}
    {%- if relation is string -%}
        {{ return(relation) }}
    {%- endif -%}
    {{ return(relation.include(database=False)) }}
{% endmacro %}

{% macro source() %}
    {%- set relation = builtins.source(*varargs, **kwargs) -%}
    {%- if relation is string -%}
        {{ return(relation) }}
    {%- endif -%}
    {{ return(relation.include(database=False)) }}
{% endmacro %}
