"""Performance rules, registered explicitly in order."""

from archbuilder.validation.rules._load import load_modules

# Registered by hand, in this order; one name per rule module.
MODULES = load_modules(
    "perf_aurora_burstable_class",
    "perf_burstable_data_store",
    "perf_burstable_t2_in_production",
    "perf_cloudfront_no_caching",
    "perf_cloudfront_without_compression",
    "perf_dax_without_table",
    "perf_dynamodb_low_cardinality_key",
    "perf_edge_api_behind_cloudfront",
    "perf_efs_bursting_for_fleet",
    "perf_efs_max_io",
    "perf_function_to_relational_database",
    "perf_image_pulled_across_regions",
    "perf_io1_volume",
    "perf_latency_routing_single_region",
    "perf_magnetic_volumes",
    "perf_multi_region_simple_routing",
    "perf_opensearch_without_dedicated_masters",
    "perf_piops_without_ebs_optimized",
    "perf_public_content_without_cdn",
    "perf_redshift_serving_requests",
    "perf_request_path_across_regions",
    "perf_served_bucket_archived",
    "perf_small_gp2_volume",
    "perf_sticky_sessions_on_scaling_tier",
)
