{{ config(materialized='table') }}

{#-
    Classify every extracted figure against the indicator taxonomy seed by keyword
    matching (rule documented in int_observations_classified.yml):
      score = weight x length(keyword) + unit bonus,  weight 3 in `subject`, 1 in `clause`,
      0.5 elsewhere in the sentence,
      divided by 10 for the generic fallback indicators; best score wins, ties by
      indicator_code then keyword; no match -> 'unclassified' / 'other'.
    Portable SQL only: the DuckDB-specific string splitting lives in the
    split_keywords macro.
-#}
{%- set generic_indicator_codes = ['infrastructure_other', 'services_other', 'workforce_other'] -%}
{%- set subject_weight = 3 -%}
{%- set clause_weight = 1 -%}
{#- The whole sentence is the last resort: its topic often sits before a list of figures. -#}
{%- set sentence_weight = 0.5 -%}
{%- set unit_bonus = 2 -%}
{%- set generic_divisor = 10 -%}

with observations as (
    select * from {{ ref('stg_observations') }}
),

taxonomy as (
    select
        indicator_code,
        domain,
        unit as indicator_unit,
        keywords
    from {{ ref('indicator_taxonomy') }}
),

taxonomy_keywords as (
    {{ split_keywords('taxonomy', 'keywords', ['indicator_code', 'domain', 'indicator_unit']) }}
),

keywords as (
    select distinct
        indicator_code,
        domain,
        indicator_unit,
        lower(trim(keyword)) as keyword,
        case
            when indicator_code in (
                {%- for code in generic_indicator_codes %}'{{ code }}'{% if not loop.last %}, {% endif %}{% endfor -%}
            ) then 1
            else 0
        end as is_generic
    from taxonomy_keywords
    where trim(keyword) <> ''
),

texts as (
    select
        observation_key,
        unit as observation_unit,
        lower(coalesce(subject, '')) as subject_text,
        lower(coalesce(clause, '')) as clause_text,
        lower(coalesce(sentence, '')) as sentence_text
    from observations
),

matches as (
    select
        t.observation_key,
        k.indicator_code,
        k.domain,
        k.keyword,
        k.is_generic,
        case
            when {{ dbt.position('k.keyword', 't.subject_text') }} > 0 then {{ subject_weight }}
            when {{ dbt.position('k.keyword', 't.clause_text') }} > 0 then {{ clause_weight }}
            else {{ sentence_weight }}
        end as weight,
        case
            when t.observation_unit is null then 0
            when k.indicator_unit = 'percent' and t.observation_unit = 'percent' then {{ unit_bonus }}
            when k.indicator_unit <> 'percent' and t.observation_unit <> 'percent' then {{ unit_bonus }}
            else 0
        end as unit_bonus
    from texts as t
    inner join keywords as k
        on {{ dbt.position('k.keyword', 't.subject_text') }} > 0
        or {{ dbt.position('k.keyword', 't.clause_text') }} > 0
        or {{ dbt.position('k.keyword', 't.sentence_text') }} > 0
),

scored as (
    select
        observation_key,
        indicator_code,
        domain,
        keyword,
        cast(weight * {{ dbt.length('keyword') }} + unit_bonus as {{ dbt.type_float() }})
            / case when is_generic = 1 then {{ generic_divisor }} else 1 end as score
    from matches
),

ranked as (
    select
        observation_key,
        indicator_code,
        domain,
        keyword,
        score,
        row_number() over (
            partition by observation_key
            order by score desc, indicator_code, {{ dbt.length('keyword') }} desc, keyword
        ) as match_rank
    from scored
),

best as (
    select observation_key, indicator_code, domain, keyword, score
    from ranked
    where match_rank = 1
)

select
    o.*,
    coalesce(b.indicator_code, 'unclassified') as indicator_code,
    coalesce(b.domain, 'other') as domain,
    b.keyword as matched_keyword,
    coalesce(b.score, 0) as match_score
from observations as o
left join best as b
    on b.observation_key = o.observation_key
