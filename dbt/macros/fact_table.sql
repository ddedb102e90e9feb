{#- The three fact tables share one shape and differ only by domain. -#}
{% macro fact_table(domain) -%}
select
    fact_key,
    report_key,
    province_code,
    indicator_code,
    admin_level,
    value,
    unit,
    base,
    numerator,
    denominator,
    stated_percent,
    qualifier,
    as_of_date,
    published_date,
    is_target,
    evidence,
    quote,
    char_start,
    char_end,
    parent_fact_key
from {{ ref('int_facts') }}
where domain = '{{ domain }}'
{%- endmacro %}
