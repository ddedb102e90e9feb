-- Which province reported which domain in which year (year of the figure's date).
with facts as (
    {{ all_facts(['report_key', 'province_code', 'as_of_date', 'published_date']) }}
)

select
    f.province_code,
    p.province_name_vi,
    f.domain,
    cast(extract(year from coalesce(f.as_of_date, f.published_date)) as integer) as year,
    count(distinct f.report_key) as reports,
    count(*) as facts
from facts as f
inner join {{ ref('dim_province') }} as p on p.province_code = f.province_code
group by 1, 2, 3, 4
