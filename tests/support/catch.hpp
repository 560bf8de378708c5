// SPDX-License-Identifier: MIT
// The one place that names Catch2's header, so a move to Catch2 v3 touches one file.
#pragma once
#include <catch2/catch.hpp>
