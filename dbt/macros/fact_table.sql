{#- The three fact tables share one shape and differ only by domain; they are incremental
    by report (see incremental_reports.sql). -#}
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
{%- if is_incremental() %}
    -- Only reports new to this table or changed: a figure added or gone (by key), or
    -- another province or publication date. A figure's other columns change only with the
    -- code or the extractor, and then the pipeline rebuilds the table whole (--full-refresh).
    and report_key in (
        select report_key from (
            select report_key, observation_key from {{ ref('int_observations_classified') }}
            where domain = '{{ domain }}'
            except
            select report_key, fact_key from {{ this }}
        )
        union all
        select report_key from (
            select report_key, fact_key from {{ this }}
            except
            select report_key, observation_key from {{ ref('int_observations_classified') }}
            where domain = '{{ domain }}'
        )
        union all
        select report_key from (
            select report_key, province_code, published_date from {{ ref('stg_reports') }}
            where report_key in (select report_key from {{ this }})
            except
            select distinct report_key, province_code, published_date from {{ this }}
        )
    )
{%- endif %}
{%- endmacro %}
