#pragma once

// The choices of Marketo's webhook dialog. Their spellings and labels are in
// Webhook.h (WebhookEnums).
enum class RequestType { Get, Post, Put, Patch, Delete };
enum class TokenEncoding { None, Json, FormUrl };
enum class ResponseType { None, Json, Xml };
