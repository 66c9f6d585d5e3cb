// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

// Test double of an Aave v3 Pool for Forecaster.Chain's tests against a real node: it emits the Pool's events with their
// exact signatures (so topic0 and the indexed/non-indexed layout match mainnet) and keeps the totals that the real
// pool exposes through getReserveData + the aToken/debt token totalSupply(), so reconciliation has something true to compare.

contract MockToken {
    string public symbol;
    uint8 public decimals;
    address public immutable owner;
    uint256 public totalSupply;

    constructor(string memory symbol_, uint8 decimals_) {
        symbol = symbol_;
        decimals = decimals_;
        owner = msg.sender;
    }

    // Only the pool moves these totals, as only the real Pool mints and burns aTokens and debt tokens.
    function setTotalSupply(uint256 value) external {
        require(msg.sender == owner, "only pool");
        totalSupply = value;
    }
}

contract MockAaveV3Pool {
    struct ReserveConfigurationMap { uint256 data; }

    // Field order and types of Aave v3.0 DataTypes.ReserveData, so an ABI reader of the real pool reads this one.
    struct ReserveData {
        ReserveConfigurationMap configuration;
        uint128 liquidityIndex;
        uint128 currentLiquidityRate;
        uint128 variableBorrowIndex;
        uint128 currentVariableBorrowRate;
        uint128 currentStableBorrowRate;
        uint40 lastUpdateTimestamp;
        uint16 id;
        address aTokenAddress;
        address stableDebtTokenAddress;
        address variableDebtTokenAddress;
        address interestRateStrategyAddress;
        uint128 accruedToTreasury;
        uint128 unbacked;
        uint128 isolationModeTotalDebt;
    }

    event Supply(address indexed reserve, address user, address indexed onBehalfOf, uint256 amount, uint16 indexed referralCode);
    event Withdraw(address indexed reserve, address indexed user, address indexed to, uint256 amount);
    event Borrow(address indexed reserve, address user, address indexed onBehalfOf, uint256 amount, uint8 interestRateMode, uint256 borrowRate, uint16 indexed referralCode);
    event Repay(address indexed reserve, address indexed user, address indexed repayer, uint256 amount, bool useATokens);
    event LiquidationCall(address indexed collateralAsset, address indexed debtAsset, address indexed user, uint256 debtToCover, uint256 liquidatedCollateralAmount, address liquidator, bool receiveAToken);
    event FlashLoan(address indexed target, address initiator, address indexed asset, uint256 amount, uint8 interestRateMode, uint256 premium, uint16 indexed referralCode);
    event ReserveDataUpdated(address indexed reserve, uint256 liquidityRate, uint256 stableBorrowRate, uint256 variableBorrowRate, uint256 liquidityIndex, uint256 variableBorrowIndex);

    uint128 private constant RAY = 1e27;
    address[] private _reserves;
    mapping(address => ReserveData) private _data;

    function addReserve(string calldata symbol, uint8 decimals) external returns (address asset) {
        asset = address(new MockToken(symbol, decimals));
        ReserveData storage d = _data[asset];
        d.liquidityIndex = RAY;
        d.variableBorrowIndex = RAY;
        d.id = uint16(_reserves.length);
        d.aTokenAddress = address(new MockToken(string.concat("a", symbol), decimals));
        d.stableDebtTokenAddress = address(new MockToken(string.concat("sd", symbol), decimals));
        d.variableDebtTokenAddress = address(new MockToken(string.concat("vd", symbol), decimals));
        _reserves.push(asset);
    }

    function getReservesList() external view returns (address[] memory) { return _reserves; }

    function getReserveData(address asset) external view returns (ReserveData memory) { return _data[asset]; }

    function supply(address asset, uint256 amount, address onBehalfOf, uint16 referralCode) external {
        _touch(asset);
        _move(_data[asset].aTokenAddress, int256(amount));
        emit Supply(asset, msg.sender, onBehalfOf, amount, referralCode);
    }

    function withdraw(address asset, uint256 amount, address to) external {
        _touch(asset);
        _move(_data[asset].aTokenAddress, -int256(amount));
        emit Withdraw(asset, msg.sender, to, amount);
    }

    function borrow(address asset, uint256 amount, address onBehalfOf, uint16 referralCode) external {
        _touch(asset);
        _move(_data[asset].variableDebtTokenAddress, int256(amount));
        emit Borrow(asset, msg.sender, onBehalfOf, amount, 2, 5e25, referralCode);
    }

    function repay(address asset, uint256 amount, address onBehalfOf, bool useATokens) external {
        _touch(asset);
        _move(_data[asset].variableDebtTokenAddress, -int256(amount));
        if (useATokens) _move(_data[asset].aTokenAddress, -int256(amount));
        emit Repay(asset, onBehalfOf, msg.sender, amount, useATokens);
    }

    function liquidationCall(address collateralAsset, address debtAsset, address user, uint256 debtToCover, uint256 collateralAmount) external {
        _touch(debtAsset);
        _move(_data[debtAsset].variableDebtTokenAddress, -int256(debtToCover));
        _move(_data[collateralAsset].aTokenAddress, -int256(collateralAmount));
        emit LiquidationCall(collateralAsset, debtAsset, user, debtToCover, collateralAmount, msg.sender, false);
    }

    function flashLoanSimple(address receiver, address asset, uint256 amount, uint16 referralCode) external {
        uint256 premium = amount * 5 / 10000;
        // The premium goes to the suppliers, as in Aave v3 (ignoring the treasury's share).
        _move(_data[asset].aTokenAddress, int256(premium));
        emit FlashLoan(receiver, msg.sender, asset, amount, 0, premium, referralCode);
    }

    // Lets a test break the pool's totals without an event, so reconciliation has a drift to report.
    function skewSupply(address asset, int256 delta) external { _move(_data[asset].aTokenAddress, delta); }

    function _touch(address asset) private {
        ReserveData storage d = _data[asset];
        require(d.aTokenAddress != address(0), "unknown reserve");
        d.currentLiquidityRate = 3e25;
        d.currentVariableBorrowRate = 5e25;
        d.lastUpdateTimestamp = uint40(block.timestamp);
        emit ReserveDataUpdated(asset, d.currentLiquidityRate, 0, d.currentVariableBorrowRate, d.liquidityIndex, d.variableBorrowIndex);
    }

    function _move(address token, int256 delta) private {
        MockToken t = MockToken(token);
        t.setTotalSupply(uint256(int256(t.totalSupply()) + delta));
    }
}
