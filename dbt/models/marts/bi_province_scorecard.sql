-- Latest actual value per province, indicator and administrative level, with the
-- report and date it comes from: what a scorecard or map in a BI tool shows.
with facts as (
    {{ all_facts(['fact_key', 'report_key', 'province_code', 'indicator_code', 'admin_level', 'value', 'unit', 'as_of_date', 'published_date', 'is_target', 'evidence']) }}
),

ranked as (
    select
        facts.*,
        coalesce(as_of_date, published_date) as reference_date,
        row_number() over (
            partition by province_code, indicator_code, admin_level
            order by coalesce(as_of_date, published_date) desc nulls last, published_date desc nulls last, fact_key
        ) as recency
    from facts
    where not is_target and province_code is not null
)

select
    r.province_code,
    p.province_name_vi,
    r.domain,
    r.indicator_code,
    i.name_vi as indicator_name_vi,
    i.name_en as indicator_name_en,
    r.admin_level,
    r.value,
    r.unit,
    r.reference_date,
    r.published_date,
    r.report_key,
    d.source_file,
    r.fact_key,
    r.evidence
from ranked as r
inner join {{ ref('dim_province') }} as p on p.province_code = r.province_code
inner join {{ ref('dim_indicator') }} as i on i.indicator_code = r.indicator_code
inner join {{ ref('dim_report') }} as d on d.report_key = r.report_key
where r.recency = 1
