variable "name" {
  description = "Name prefix of the resources"
  type        = string
  default     = "streaming-data-pipeline"
}

variable "region" {
  description = "AWS region to deploy into"
  type        = string
  default     = "eu-west-1"
}

variable "environment" {
  description = "Environment the resources are tagged with"
  type        = string
  default     = "production"
}
