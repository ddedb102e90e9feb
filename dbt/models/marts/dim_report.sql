select
    report_key,
    source_file,
    content_sha256,
    title,
    published_date,
    province_code,
    source_site,
    source_url,
    province_source,
    published_source,
    file_format,
    byte_size,
    first_loaded_at,
    loaded_at
from {{ ref('stg_reports') }}
