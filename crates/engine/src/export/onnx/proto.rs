//! The few ONNX protobuf messages a model needs, written by hand: a model, its graph, nodes,
//! attributes, tensors and the inputs' and outputs' types. Why not a protobuf crate: prost
//! needs `protoc` (or generated code kept in step with onnx.proto) to write four messages whose
//! fields are a handful of numbers and strings; the wire format is a key (field number and wire
//! type), then a varint, or a length and bytes. Field numbers are onnx.proto's.

/// Bytes of one message being written.
#[derive(Default)]
pub struct Message(Vec<u8>);

const VARINT: u64 = 0;
const LENGTH_DELIMITED: u64 = 2;

impl Message {
    fn varint(&mut self, mut value: u64) {
        while value >= 0x80 {
            self.0.push((value as u8) | 0x80);
            value >>= 7;
        }
        self.0.push(value as u8);
    }

    fn key(&mut self, field: u64, wire: u64) {
        self.varint(field << 3 | wire);
    }

    /// An integer field (int32, int64 or an enum; negative values as protobuf's ten bytes).
    pub fn int(mut self, field: u64, value: i64) -> Self {
        self.key(field, VARINT);
        self.varint(value as u64);
        self
    }

    pub fn bytes(mut self, field: u64, bytes: &[u8]) -> Self {
        self.key(field, LENGTH_DELIMITED);
        self.varint(bytes.len() as u64);
        self.0.extend_from_slice(bytes);
        self
    }

    pub fn string(self, field: u64, text: &str) -> Self {
        self.bytes(field, text.as_bytes())
    }

    pub fn message(self, field: u64, inner: Message) -> Self {
        self.bytes(field, &inner.0)
    }

    /// A repeated integer field, packed (readers of proto2's unpacked form read this too).
    pub fn ints(self, field: u64, values: &[i64]) -> Self {
        let mut packed = Message::default();
        for &v in values {
            packed.varint(v as u64);
        }
        self.bytes(field, &packed.0)
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.0
    }
}

/// onnx.proto's `TensorProto.DataType` values used here.
pub mod data_type {
    pub const UINT8: i64 = 2;
    pub const STRING: i64 = 8;
    pub const INT64: i64 = 7;
    pub const DOUBLE: i64 = 11;
}

/// A tensor of doubles (`raw_data`, little-endian), of shape `dims`.
pub fn double_tensor(name: &str, dims: &[i64], values: &[f64]) -> Message {
    let raw: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    tensor(name, dims, data_type::DOUBLE, &raw)
}

/// A tensor of 64-bit integers (`raw_data`, little-endian), of shape `dims`.
pub fn int64_tensor(name: &str, dims: &[i64], values: &[i64]) -> Message {
    let raw: Vec<u8> = values.iter().flat_map(|v| v.to_le_bytes()).collect();
    tensor(name, dims, data_type::INT64, &raw)
}

/// A tensor of text (`string_data`).
pub fn string_tensor(name: &str, dims: &[i64], values: &[&str]) -> Message {
    // TensorProto: dims 1, data_type 2, string_data 6, name 8.
    let mut message = Message::default();
    for &d in dims {
        message = message.int(1, d);
    }
    message = message.int(2, data_type::STRING);
    for value in values {
        message = message.string(6, value);
    }
    message.string(8, name)
}

/// A tensor of bytes (uint8).
pub fn uint8_tensor(name: &str, values: &[u8]) -> Message {
    tensor(name, &[values.len() as i64], data_type::UINT8, values)
}

fn tensor(name: &str, dims: &[i64], data_type: i64, raw: &[u8]) -> Message {
    // TensorProto: dims 1, data_type 2, name 8, raw_data 9.
    let mut message = Message::default();
    for &d in dims {
        message = message.int(1, d);
    }
    message.int(2, data_type).string(8, name).bytes(9, raw)
}

/// An attribute's value.
pub enum Attribute<'a> {
    Int(i64),
    Ints(&'a [i64]),
    Text(&'a str),
    Tensor(Message),
}

/// A graph node: `op_type` in `domain` ("" for the default one), with its inputs, outputs and
/// attributes.
pub fn node(
    op_type: &str,
    domain: &str,
    inputs: &[&str],
    outputs: &[&str],
    attributes: Vec<(&str, Attribute)>,
) -> Message {
    // NodeProto: input 1, output 2, name 3, op_type 4, attribute 5, domain 7.
    let mut message = Message::default();
    for input in inputs {
        message = message.string(1, input);
    }
    for output in outputs {
        message = message.string(2, output);
    }
    message = message.string(3, outputs.first().copied().unwrap_or(op_type));
    message = message.string(4, op_type);
    for (name, value) in attributes {
        // AttributeProto: name 1, i 3, s 4, t 5, ints 8, type 20 (INT 2, STRING 3, TENSOR 4,
        // INTS 7).
        let attribute = Message::default().string(1, name);
        let attribute = match value {
            Attribute::Int(i) => attribute.int(3, i).int(20, 2),
            Attribute::Text(s) => attribute.string(4, s).int(20, 3),
            Attribute::Tensor(t) => attribute.message(5, t).int(20, 4),
            Attribute::Ints(values) => attribute.ints(8, values).int(20, 7),
        };
        message = message.message(5, attribute);
    }
    if !domain.is_empty() {
        message = message.string(7, domain);
    }
    message
}

/// An input's or output's name and type: a tensor of `elem_type`, its dimensions given (a
/// number) or named (`None`: the rows, "N").
pub fn value_info(name: &str, elem_type: i64, dims: &[Option<i64>]) -> Message {
    // ValueInfoProto: name 1, type 2; TypeProto: tensor_type 1; Tensor: elem_type 1, shape 2;
    // TensorShapeProto: dim 1; Dimension: dim_value 1, dim_param 2.
    let mut shape = Message::default();
    for dim in dims {
        let dimension = match dim {
            Some(n) => Message::default().int(1, *n),
            None => Message::default().string(2, "N"),
        };
        shape = shape.message(1, dimension);
    }
    let tensor = Message::default().int(1, elem_type).message(2, shape);
    Message::default()
        .string(1, name)
        .message(2, Message::default().message(1, tensor))
}

/// A model of one graph, in the default domain's opset `opset` and ai.onnx.ml's `ml_opset`.
pub fn model(
    nodes: Vec<Message>,
    initializers: Vec<Message>,
    inputs: Vec<Message>,
    outputs: Vec<Message>,
    opsets: &[(&str, i64)],
) -> Vec<u8> {
    // GraphProto: node 1, name 2, initializer 5, input 11, output 12.
    let mut graph = Message::default();
    for n in nodes {
        graph = graph.message(1, n);
    }
    graph = graph.string(2, "latih");
    for i in initializers {
        graph = graph.message(5, i);
    }
    for i in inputs {
        graph = graph.message(11, i);
    }
    for o in outputs {
        graph = graph.message(12, o);
    }
    // ModelProto: ir_version 1, producer_name 2, producer_version 3, graph 7, opset_import 8;
    // OperatorSetIdProto: domain 1, version 2. IR version 10 is onnx 1.16's.
    let mut model = Message::default()
        .int(1, 10)
        .string(2, "latih")
        .string(3, env!("CARGO_PKG_VERSION"))
        .message(7, graph);
    for (domain, version) in opsets {
        model = model.message(8, Message::default().string(1, domain).int(2, *version));
    }
    model.into_bytes()
}
