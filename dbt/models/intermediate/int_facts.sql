{{ config(materialized='view') }}

-- Classified figures with the report's province and date, in the shape of the
-- fact tables. Bare "x/y" ratios are counts of x out of y in the marts.
-- Both CTEs read the table itself: a CTE referenced twice is materialized by DuckDB,
-- which held every classified figure, sentences included, in memory (1.2 GB at 10,000
-- reports) for a lookup that needs three narrow columns.
with observations as (
    select * from {{ ref('int_observations_classified') }}
),

reports as (
    select report_key, province_code, published_date from {{ ref('stg_reports') }}
),

parents as (
    select report_key, ordinal, observation_key from {{ ref('int_observations_classified') }}
)

select
    o.observation_key as fact_key,
    o.report_key,
    r.province_code,
    o.indicator_code,
    o.domain,
    o.admin_level,
    o.value,
    case when o.unit = 'ratio' then 'count' else o.unit end as unit,
    o.base,
    o.numerator,
    o.denominator,
    o.stated_percent,
    o.qualifier,
    o.as_of_date,
    r.published_date,
    o.is_target,
    o.sentence as evidence,
    o.quote,
    o.char_start,
    o.char_end,
    p.observation_key as parent_fact_key
from observations as o
inner join reports as r on r.report_key = o.report_key
left join parents as p on p.report_key = o.report_key and p.ordinal = o.parent_ordinal
