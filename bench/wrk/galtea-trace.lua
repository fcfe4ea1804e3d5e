-- wrk: a valid Galtea POST /traces (one trace), the same each time.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer gsk_bench"
wrk.body = '{"inferenceResultId":"IR_ID","name":"fetch_user_data","type":"TOOL","inputData":{"user_id":"123"},"outputData":{"name":"John Doe"},"latencyMs":45.5,"metadata":{}}'
