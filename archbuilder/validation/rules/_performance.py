"""Performance rules, registered explicitly in order."""

from archbuilder.validation.rules._load import load_modules

# Registered by hand, in this order; one name per rule module.
MODULES = load_modules(
    "perf_cloudfront_no_caching",
    "perf_cloudfront_without_compression",
    "perf_dynamodb_low_cardinality_key",
    "perf_magnetic_volumes",
    "perf_multi_region_simple_routing",
    "perf_piops_without_ebs_optimized",
    "perf_public_content_without_cdn",
    "perf_sticky_sessions_on_scaling_tier",
    "perf_io1_volume",
    "perf_small_gp2_volume",
    "perf_aurora_burstable_class",
    "perf_redshift_serving_requests",
    "perf_image_pulled_across_regions",
    "perf_efs_max_io",
    "perf_burstable_t2_in_production",
    "perf_edge_api_behind_cloudfront",
    "perf_latency_routing_single_region",
    "perf_served_bucket_archived",
)
