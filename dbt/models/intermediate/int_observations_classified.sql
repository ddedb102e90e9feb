{{ config(
    materialized='incremental',
    incremental_strategy='delete+insert',
    unique_key='report_key',
    on_schema_change='fail',
    post_hook="{{ delete_rows_gone_from(ref('stg_observations')) }}",
) }}

{#-
    Every figure with its indicator. The indicator is decided in Python when the figure
    is extracted (dagster_project/extraction/classify.py: relevance, measured phrase,
    base, keywords on word boundaries) and arrives in stg_observations; this model only
    joins it to the taxonomy seed for the domain, the usual unit and the code it refines,
    so the seed stays the one source of domains.
-#}

with observations as (
    select * from {{ ref('stg_observations') }}
    {%- if is_incremental() %}
    -- Only new and re-extracted reports (a report's figures share one extracted_at).
    where report_key in (
        select report_key from (
            select distinct report_key, extracted_at from {{ ref('stg_observations') }}
            except
            select distinct report_key, extracted_at from {{ this }}
        )
    )
    {%- endif %}
),

taxonomy as (
    select
        indicator_code,
        domain,
        unit as indicator_unit,
        refines
    from {{ ref('indicator_taxonomy') }}
)

select
    o.observation_key,
    o.report_key,
    o.ordinal,
    o.sentence_index,
    o.sentence,
    o.char_start,
    o.char_end,
    o.quote,
    o.value,
    o.unit,
    o.numerator,
    o.denominator,
    o.stated_percent,
    o.qualifier,
    o.as_of_date,
    o.admin_level,
    o.is_target,
    o.subject,
    o.clause,
    o.parent_ordinal,
    o.extractor_version,
    o.extracted_at,
    o.indicator_code,
    coalesce(t.domain, 'other') as domain,
    t.indicator_unit,
    t.refines as indicator_refines,
    o.classified_by,
    o.matched_keyword,
    o.relevance,
    o.base
from observations as o
left join taxonomy as t
    on t.indicator_code = o.indicator_code
