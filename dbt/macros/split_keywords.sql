{#-
    split_keywords(relation, keyword_column, carry_columns, delimiter='|')

    Returns a SELECT statement (to be used as the body of a CTE or a subquery)
    with one row per (row of `relation`, non-empty keyword of `keyword_column`):
    the `carry_columns` of the source row plus a column `keyword`.
    `relation` may be a CTE name or a relation.

    Dispatched so that every adapter can use its own string-splitting idiom:
      - duckdb__  string_split + unnest
      - default__ split_part over a generated numbers table (Postgres,
                  Snowflake, Redshift, Trino, ...: up to 1000 keywords a row)
-#}
{% macro split_keywords(relation, keyword_column, carry_columns, delimiter='|') -%}
    {{ return(adapter.dispatch('split_keywords')(relation, keyword_column, carry_columns, delimiter)) }}
{%- endmacro %}


{% macro duckdb__split_keywords(relation, keyword_column, carry_columns, delimiter='|') -%}
    select
        {%- for column in carry_columns %}
        {{ column }},
        {%- endfor %}
        keyword
    from (
        select
            {%- for column in carry_columns %}
            {{ column }},
            {%- endfor %}
            unnest(string_split({{ keyword_column }}, '{{ delimiter }}')) as keyword
        from {{ relation }}
        where {{ keyword_column }} is not null
    ) as exploded
    where keyword is not null and keyword <> ''
{%- endmacro %}


{% macro default__split_keywords(relation, keyword_column, carry_columns, delimiter='|') -%}
    {%- set digits -%}
        select 0 as d union all select 1 union all select 2 union all select 3 union all select 4
        union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
    {%- endset -%}
    select
        {%- for column in carry_columns %}
        {{ column }},
        {%- endfor %}
        keyword
    from (
        select
            {%- for column in carry_columns %}
            src.{{ column }},
            {%- endfor %}
            split_part(src.{{ keyword_column }}, '{{ delimiter }}', numbers.n) as keyword
        from {{ relation }} as src
        cross join (
            select units.d + 10 * tens.d + 100 * hundreds.d + 1 as n
            from ({{ digits }}) as units
            cross join ({{ digits }}) as tens
            cross join ({{ digits }}) as hundreds
        ) as numbers
        where src.{{ keyword_column }} is not null
    ) as exploded
    where keyword is not null and keyword <> ''
{%- endmacro %}
