with provinces as (
    select * from {{ ref('provinces') }}
),

-- The 2025 unit keeps the code of the province it is named after
-- ("Huế" is named after "Thừa Thiên Huế").
unit_codes as (
    select
        u.unit_from_2025_07_01 as unit_name,
        min(p.gso_code) as unit_code
    from (select distinct unit_from_2025_07_01 from provinces) as u
    inner join provinces as p
        on p.name_vi = u.unit_from_2025_07_01
        or p.name_vi like '%' || u.unit_from_2025_07_01
    group by u.unit_from_2025_07_01
)

select
    p.gso_code as province_code,
    p.name_vi as province_name_vi,
    p.name_ascii as province_name_ascii,
    p.region_vi,
    p.unit_from_2025_07_01 as merged_into_name_vi,
    c.unit_code as merged_into_province_code
from provinces as p
left join unit_codes as c on c.unit_name = p.unit_from_2025_07_01
