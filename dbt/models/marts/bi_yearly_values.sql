-- One value per province, series (indicator, administrative level, unit, base) and
-- year: the latest actual value of that year. What a trend line per province shows.
with dated as (
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
        reference_date,
        cast(extract(year from reference_date) as integer) as year
    from {{ ref('int_actual_values') }}
    where reference_date is not null
),

latest_in_year as (
    select
        dated.*,
        row_number() over (
            partition by province_code, indicator_code, admin_level, unit, base, year
            order by reference_date desc, fact_key
        ) as recency_in_year
    from dated
)

select
    y.province_code,
    p.province_name_vi,
    y.domain,
    y.indicator_code,
    i.name_vi as indicator_name_vi,
    y.admin_level,
    y.unit,
    y.base,
    y.year,
    y.value,
    y.reference_date,
    y.report_key,
    y.fact_key
from latest_in_year as y
inner join {{ ref('dim_province') }} as p on p.province_code = y.province_code
inner join {{ ref('dim_indicator') }} as i on i.indicator_code = y.indicator_code
where y.recency_in_year = 1
