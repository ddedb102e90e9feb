-- Actual figures (targets excluded) of known provinces in the three domains, one per
-- series and reference date, with the series' previous dated value. A series is one
-- province, indicator, administrative level, unit and base: a share of households and
-- a count of agencies are different quantities even under one indicator code.
-- Reference date = as-of date, else publication date; undated figures come last.
with actuals as (
    select
        fact_key,
        report_key,
        province_code,
        domain,
        indicator_code,
        admin_level,
        unit,
        base,
        value,
        coalesce(as_of_date, published_date) as reference_date,
        published_date
    from {{ ref('int_facts') }}
    where domain in ('infrastructure', 'services', 'workforce')
        and not is_target
        and province_code is not null
),

-- Several figures of a series can share a date (two reports, or a sentence repeated):
-- the one from the newest publication stands for that date.
one_per_date as (
    select
        actuals.*,
        row_number() over (
            partition by province_code, indicator_code, admin_level, unit, base, reference_date
            order by published_date desc nulls last, fact_key
        ) as pick
    from actuals
),

ordered as (
    select
        one_per_date.*,
        row_number() over (
            partition by province_code, indicator_code, admin_level, unit, base
            order by reference_date desc nulls last
        ) as recency,
        lead(reference_date) over (
            partition by province_code, indicator_code, admin_level, unit, base
            order by reference_date desc nulls last
        ) as older_reference_date,
        lead(value) over (
            partition by province_code, indicator_code, admin_level, unit, base
            order by reference_date desc nulls last
        ) as older_value,
        lead(report_key) over (
            partition by province_code, indicator_code, admin_level, unit, base
            order by reference_date desc nulls last
        ) as older_report_key
    from one_per_date
    where pick = 1
)

select
    ordered.fact_key,
    report_key,
    province_code,
    domain,
    indicator_code,
    admin_level,
    unit,
    base,
    value,
    reference_date,
    published_date,
    e.evidence,
    recency,
    -- An undated figure has no place in time: it is never anyone's "previous" value.
    case when older_reference_date is not null then older_value end as previous_value,
    older_reference_date as previous_reference_date,
    case when older_reference_date is not null then older_report_key end as previous_report_key
from ordered
-- The sentence joins the chosen figures at the end: the window functions above hold their
-- input in memory, and with every figure's sentence that was 1 GB at 10,000 reports.
left join (select fact_key, evidence from {{ ref('int_facts') }}) as e on e.fact_key = ordered.fact_key
