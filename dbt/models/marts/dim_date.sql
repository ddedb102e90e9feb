-- One row per day from 2000-01-01 to 2035-12-31, widened to the earliest and latest day any
-- report or figure carries: every as_of_date and published_date joins the calendar, so a
-- target "đến 31/12/2040" or a publication date in 2099 is kept (and flagged by the checks
-- when implausible) instead of failing the warehouse's integrity tests.
with stated_days as (
    select published_date as day from {{ ref('stg_reports') }}
    union all
    select as_of_date as day from {{ ref('stg_observations') }}
),

bounds as (
    select
        least(cast('2000-01-01' as date), coalesce(min(day), cast('2000-01-01' as date))) as first_day,
        greatest(cast('2035-12-31' as date), coalesce(max(day), cast('2035-12-31' as date))) as last_day
    from stated_days
),

digits as (
    select 0 as d union all select 1 union all select 2 union all select 3 union all select 4
    union all select 5 union all select 6 union all select 7 union all select 8 union all select 9
),

-- 0 .. 99,999 days: 273 years from the first day.
offsets as (
    select d1.d + 10 * d2.d + 100 * d3.d + 1000 * d4.d + 10000 * d5.d as n
    from digits as d1
    cross join digits as d2
    cross join digits as d3
    cross join digits as d4
    cross join digits as d5
),

days as (
    select cast({{ dbt.dateadd('day', 'offsets.n', 'bounds.first_day') }} as date) as date_day
    from offsets
    cross join bounds
    where offsets.n <= {{ dbt.datediff('bounds.first_day', 'bounds.last_day', 'day') }}
)

select
    date_day,
    cast(extract(year from date_day) as integer) as year,
    cast(extract(quarter from date_day) as integer) as quarter,
    cast(extract(month from date_day) as integer) as month,
    cast(extract(day from date_day) as integer) as day_of_month
from days
